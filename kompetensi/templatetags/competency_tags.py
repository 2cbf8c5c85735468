from django import template

from ..competency.display import band_tone

register = template.Library()
register.filter("band_tone", band_tone)
