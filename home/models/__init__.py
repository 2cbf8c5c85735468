from .audience import AudienceRule
from .base import BasePage, HomeFooterLink, HomePage, InstansiSiteSettings, PortalRootPage, PortalSettings
from .editorial import EditorialWorkflow
from .feedback import PageFeedback, SearchGap
from .media import InstansiCollection
from .pages import (
    ContentIndexPage,
    ContentPage,
    NewsIndexPage,
    NewsPage,
    PolicyAttachment,
    PolicyIndexPage,
    PolicyPage,
    PolicySubject,
    SocialisationIndexPage,
    SocialisationPage,
)
from .privacy import filter_visible
from .reading import Acknowledgement, QuizAttempt, ReadingRequirement

__all__ = [
    "Acknowledgement",
    "AudienceRule",
    "BasePage",
    "ContentIndexPage",
    "ContentPage",
    "EditorialWorkflow",
    "HomeFooterLink",
    "HomePage",
    "InstansiCollection",
    "InstansiSiteSettings",
    "NewsIndexPage",
    "NewsPage",
    "PageFeedback",
    "PolicyAttachment",
    "PolicyIndexPage",
    "PolicyPage",
    "PolicySubject",
    "PortalRootPage",
    "PortalSettings",
    "QuizAttempt",
    "ReadingRequirement",
    "SearchGap",
    "SocialisationIndexPage",
    "SocialisationPage",
    "filter_visible",
]
