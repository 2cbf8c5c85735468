from .catalog import CourseCompetency, CoursePage, TrainingCatalogPage
from .ledger import ExternalLearning, ExternalLearningTransition, JPEntry
from .reference import BentukPengembangan, EvaluationQuestion, KonversiJP, TargetJP
from .training import (
    Attendance,
    CalendarFeed,
    Certificate,
    Enrolment,
    EnrolmentTransition,
    EvaluationResponse,
    TrainingSession,
)

__all__ = [
    "Attendance", "BentukPengembangan", "CalendarFeed", "Certificate", "CourseCompetency", "CoursePage",
    "Enrolment", "EnrolmentTransition", "EvaluationQuestion", "EvaluationResponse", "ExternalLearning", "ExternalLearningTransition", "JPEntry",
    "KonversiJP", "TargetJP", "TrainingCatalogPage", "TrainingSession",
]  # fmt: skip
