"""How competency figures are shown wherever they appear (pages, Tim saya, the profile section)."""

# the regulation's bands by code; an instansi's own band codes read as neutral
BAND_TONES = {"optimal": "ok", "cukup_optimal": "warn", "kurang_optimal": "error"}


def band_tone(band) -> str:
    """The badge colour of a match band: ok, warn, error, or muted."""
    return BAND_TONES.get(getattr(band, "code", ""), "muted")
