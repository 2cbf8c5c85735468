"""Reusable import plumbing: a registry of importable data kinds, the engine that previews and runs an
import all-or-nothing, and the Wagtail admin views that drive it (upload -> preview -> confirm)."""
