from ..competency.models import (
    Competency,
    CompetencyLevel,
    CompetencyProfile,
    Evidence,
    JobStandard,
    MatchBand,
)
from ..mentoring.models import (
    MentoringPair,
    MentoringProgramme,
    MentoringSession,
    MentoringSessionTransition,
    MentoringTarget,
)
from .catalog import CourseCompetency, CoursePage, TrainingCatalogPage
from .ledger import ExternalLearning, ExternalLearningTransition, JPEntry
from .plans import DevelopmentPlan, PlanActivity, PlanGoal, PlanTransition
from .reference import BentukPengembangan, EvaluationQuestion, KonversiJP, TargetJP
from .training import (
    Attendance,
    CalendarFeed,
    Certificate,
    Enrolment,
    EnrolmentTransition,
    EvaluationResponse,
    SessionMaterial,
    TrainingSession,
)

__all__ = [
    "Attendance", "BentukPengembangan", "DevelopmentPlan", "PlanActivity", "PlanGoal", "PlanTransition", "Competency", "CompetencyLevel", "CompetencyProfile", "Evidence",
    "JobStandard", "MatchBand", "CalendarFeed", "Certificate", "CourseCompetency", "CoursePage",
    "Enrolment", "EnrolmentTransition", "EvaluationQuestion", "EvaluationResponse", "ExternalLearning", "ExternalLearningTransition", "JPEntry",
    "KonversiJP", "MentoringPair", "MentoringProgramme", "MentoringSession", "MentoringSessionTransition",
    "MentoringTarget", "SessionMaterial", "TargetJP", "TrainingCatalogPage", "TrainingSession",
]  # fmt: skip
