"""Template fragments kept in the cache (portal.frame_fragments):

    {% user_fragment "menu" part ... %}...{% enduser_fragment %}      what this user sees (their frame's key)
    {% content_fragment "body" part ... %}...{% endcontent_fragment %}  shared content (the content token)

The parts name what else varies the fragment (the page's revision, the current section); the language and the
template being rendered are added to every key. A preview or an anonymous visitor renders without the cache (a
preview shows a draft under the live page's id and revision)."""

from django import template

from portal import frame_fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, kind, parts, per_user):
        self.nodelist = nodelist
        self.kind = kind
        self.parts = parts
        self.per_user = per_user

    def render(self, context):
        request = context.get("request")
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = [part.resolve(context) for part in self.parts]
        name = context.template.name if context.template is not None else ""
        kind = self.kind.resolve(context)
        if self.per_user:
            key = frame_fragments.user_key(user, kind, name, *parts)
        else:  # the host too: links to pages are relative to the site answering it
            key = frame_fragments.shared_key(user, kind, name, request.get_host(), *parts)
        return frame_fragments.cached(key, lambda: self.nodelist.render(context))


def _fragment(parser, token, per_user):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a name")
    nodelist = parser.parse((f"end{bits[0]}",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]], per_user
    )


@register.tag
def user_fragment(parser, token):
    return _fragment(parser, token, per_user=True)


@register.tag
def content_fragment(parser, token):
    return _fragment(parser, token, per_user=False)


@register.simple_tag(takes_context=True)
def nav_badges(context):
    """The live counts beside menu entries (portal.navigation.register_nav_badge), for the menu fragment's key."""
    from portal.navigation import badge_values

    request = context.get("request")
    return badge_values(request) if request is not None else ()
