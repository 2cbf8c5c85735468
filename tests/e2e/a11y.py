"""axe-core in the browser tests: inject the vendored axe.min.js into a page, run the WCAG 2.1 A/AA rules and
report the violations that matter (impact serious or critical) with the rule, its help text and the elements."""

from pathlib import Path

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}

# two animation frames first: resize events and ResizeObservers (the scrollable-table marking) have run by then
RUN = """async (tags) => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}));
}"""


def axe_violations(page, *, blocking_only=True):
    """The axe violations on the page as it is now (open menus and dialogs included)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(RUN, TAGS)
    if blocking_only:
        violations = [v for v in violations if v["impact"] in BLOCKING]
    return violations


def format_violations(violations, where=""):
    lines = []
    for v in violations:
        lines.append(f"{where} [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}  — {node['summary'].splitlines()[-1].strip()}")
        if len(v["nodes"]) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more")
    return "\n".join(lines)
