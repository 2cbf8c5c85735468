from .calibration.models import Calibration, CalibrationChange, DistributionRule
from .career.models import (
    AngkaKreditRule,
    EducationCap,
    EligibilitySnapshot,
    ImportedAnnualResult,
    PromotionPeriodDay,
    PromotionRule,
)
from .coaching.models import CoachingAction, CoachingCheckIn, CoachingPlan, CoachingTransition
from .decisions.models import CareerDecision, DecisionTransition
from .evaluation.models import (
    Appeal,
    AppealTransition,
    Evaluation,
    EvaluationTransition,
    Feedback,
    PredikatCell,
    Realisation,
)
from .peer.models import Answer, Assignment, PeerFeedbackRule, PeerRound, Response
from .progress.models import Dialog, DialogNote, FollowUp, ProgressEntry, RhkEvidence
from .public_feedback.models import PublicFeedback, ServicePoint
from .rhk_templates.models import RhkTemplate, RhkTemplateIki
from .service_desk.models import (
    ChecklistItem,
    InternalNote,
    RequestDocument,
    RequestMessage,
    RequestTransition,
    RequestType,
    ServiceRequest,
    SurveyAnswer,
)
from .skp.models import (
    ActingEvaluator,
    BerakhlakValue,
    EvaluationWindow,
    Iki,
    PerformancePeriod,
    PerilakuExpectation,
    Rhk,
    Skp,
    SkpTransition,
)
from .talent.models import (
    PotentialAssessment,
    SuccessionCandidate,
    SuccessionPlan,
    TalentBox,
    TalentPlacement,
    TalentRule,
)

__all__ = [
    "CoachingAction", "CoachingCheckIn", "CoachingPlan", "CoachingTransition",
    "ChecklistItem", "InternalNote", "RequestDocument", "RequestMessage", "RequestTransition", "RequestType",
    "ServiceRequest", "SurveyAnswer",
    "CareerDecision", "DecisionTransition",
    "AngkaKreditRule", "EducationCap", "EligibilitySnapshot", "ImportedAnnualResult", "PromotionPeriodDay", "PromotionRule",
    "ActingEvaluator", "Answer", "Assignment", "PeerFeedbackRule", "PeerRound", "Response", "Appeal", "Calibration", "CalibrationChange", "DistributionRule", "Dialog", "DialogNote", "FollowUp", "ProgressEntry", "RhkEvidence", "PublicFeedback", "ServicePoint", "RhkTemplate", "RhkTemplateIki", "AppealTransition", "BerakhlakValue", "Evaluation", "EvaluationTransition", "Feedback", "Realisation", "EvaluationWindow", "Iki", "PerformancePeriod", "PerilakuExpectation",
    "PredikatCell", "Rhk", "Skp", "SkpTransition",
    "PotentialAssessment", "SuccessionCandidate", "SuccessionPlan", "TalentBox", "TalentPlacement", "TalentRule",
]  # fmt: skip
