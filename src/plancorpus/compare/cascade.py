"""The cascade: how a directive travels down to the plans that carry it out.

A directed graph (networkx) from each document to the documents that carry it out. Its nodes
are documents by canonical key: the plans given (each under its own number and symbol, or its
source when it has none) and every document they say they carry out. Its edges come from

- ``Plan.implements`` (a plan carries out the documents its title or first "Thực hiện" clause
  names, or its opening sentence rests on): ``via = "plan"``;
- a citation's own description ("Kế hoạch số 92-KH/TU … thực hiện Chỉ thị số 05-CT/TW"): the
  cited plan carries out the directive, even when that plan is not in the corpus:
  ``via = "description"``;
- (no link goes up: a body never carries out a lower level's document, so such a reading is
  dropped);
- a plan's basis that names plans or directives ("Căn cứ Kế hoạch số 92-KH/TU …"; not laws or
  decrees): it is built on them, which in a cascade is how a unit carries out its superior's
  plan without saying "Thực hiện": ``via = "basis"``. Filter on ``via`` to keep only what
  plans say they carry out.

Each node has its issuer, the issuer's level (central, province, department, district,
commune) and branch (Party, State) from data/levels.toml, its date and whether it is in the
corpus; each edge has the days between the two documents' dates (``lag_days``). A plan that
carries out another plan makes a chain: directive → province plan → department plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from plancorpus.data.levels import LEVELS, name_key, place
from plancorpus.extract.codes import parse_code
from plancorpus.extract.roles import CARRIED_TYPES
from plancorpus.model.plan import Citation, Plan
from plancorpus.text.lazyregex import lazy_compile
from plancorpus.text.vietnamese import compare_key

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

_PARTY_SYMBOL = lazy_compile(r"^[^/\-\s]+/[^/\s]+$")  # "KH/TU": the Party's number is "92-"


def own_key(plan: Plan) -> str:
    """The plan's canonical number and symbol ("12/KH-UBND", "92-KH/TU"), or, when its number
    is blank or missing, its source."""
    number = plan.number.value if plan.number else None
    symbol = plan.symbol.value if plan.symbol else None
    if number and symbol:
        sep = "-" if _PARTY_SYMBOL.match(symbol) else "/"
        code = parse_code(f"{number}{sep}{symbol}")
        if code is not None and code.key:
            return code.key
    return plan.source


_HAS_YEAR = lazy_compile(r"/(?:19|20)\d\d/|(?:19|20)\d\d$")


def node_id(key: str, when: str | None) -> str:
    """The node of a document: its key, with the year added when the key has none ("05-CT/TW
    (2021)"): Party numbers start again each term, so two Chỉ thị 05-CT/TW are two
    documents."""
    if when and len(when) >= 4 and when[:4].isdigit() and not _HAS_YEAR.search(key):
        return f"{key} ({when[:4]})"
    return key


def _iso(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _cited_date(c: Citation) -> str | None:
    return (c.date.value if c.date else None) or c.resolved_date


@dataclass
class Cascade:
    """What :func:`cascade` builds: ``graph`` (a networkx DiGraph, document → the documents
    that carry it out) and the questions it answers, as DataFrames."""

    graph: nx.DiGraph
    plans: dict[str, Plan] = field(default_factory=dict)

    # -- tables --

    def edges(self) -> pd.DataFrame:
        """Every link: what is carried out, by what, how it was read, and the lag in days."""
        import pandas as pd

        rows = [
            {
                "directive": a,
                "carried_out_by": b,
                "via": data.get("via"),
                "read_in": data.get("read_in"),
                "lag_days": data.get("lag_days"),
                **self._describe(a, "directive_"),
                **self._describe(b, ""),
            }
            for a, b, data in self.graph.edges(data=True)
        ]
        return pd.DataFrame(rows, columns=_EDGE_COLUMNS)

    def implementers(self, directive: str, depth: int | None = None) -> pd.DataFrame:
        """Who carried out ``directive`` (a key) and when: every document below it in the
        cascade, with its step from the directive, issuer, level, branch, date and the lag in
        days since the directive. ``depth`` 1 keeps the direct ones only."""
        import networkx as nx
        import pandas as pd

        key = self.resolve(directive)
        if key is None:
            return pd.DataFrame(columns=_IMPLEMENTER_COLUMNS)
        steps = nx.single_source_shortest_path_length(self.graph, key, cutoff=depth)
        start = _iso(self.graph.nodes[key].get("date"))
        rows = []
        for node, step in sorted(steps.items(), key=lambda kv: (kv[1], kv[0])):
            if node == key:
                continue
            when = _iso(self.graph.nodes[node].get("date"))
            rows.append(
                {
                    "document": node,
                    "step": step,
                    **self._describe(node, ""),
                    "lag_days": (when - start).days if when and start else None,
                }
            )
        return pd.DataFrame(rows, columns=_IMPLEMENTER_COLUMNS)

    def carried_out_by(self, issuer: str) -> pd.DataFrame:
        """The documents ``issuer`` (a name, compared loosely) has carried out in this corpus,
        with the plan that did and the lag."""
        table = self.edges()
        mine = table["issuer"].map(lambda x: _same_issuer(x, issuer, loose=True))
        return table[mine].reset_index(drop=True)

    def not_carried_out(self, issuer: str) -> pd.DataFrame:
        """Documents that ``issuer``'s superiors (the issuers of what it has carried out) have
        carried out or issued in this corpus, which ``issuer`` itself has not carried out."""
        import pandas as pd

        done = self.carried_out_by(issuer)
        # "UBND tỉnh" without its name could be any province's: not a known superior
        superiors = {s for s in done["directive_issuer"] if s and not _GENERIC.search(s)}
        own = set(done["directive"])
        rows = []
        for node, data in self.graph.nodes(data=True):
            if node in own or not any(_same_issuer(data.get("issuer"), s) for s in superiors):
                continue
            if not self.graph.out_degree(node) and not data.get("in_corpus"):
                continue
            rows.append({"document": node, **self._describe(node, "")})
        return pd.DataFrame(rows, columns=["document", *_NODE_FIELDS])

    def chains(self, min_steps: int = 2) -> pd.DataFrame:
        """Paths of at least ``min_steps`` links (a directive → a province's plan → a
        department's plan), one row per path, from each document nothing carries out above."""
        import networkx as nx
        import pandas as pd

        rows = []
        tops = [n for n in self.graph.nodes if self.graph.in_degree(n) == 0]
        for top in tops:
            for leaf in (
                n for n in nx.descendants(self.graph, top) if not self.graph.out_degree(n)
            ):
                for path in nx.all_simple_paths(self.graph, top, leaf, cutoff=8):
                    if len(path) - 1 >= min_steps:
                        levels = [self.graph.nodes[n].get("level") for n in path]
                        rows.append(
                            {
                                "steps": len(path) - 1,
                                "path": " → ".join(path),
                                "levels": " → ".join(str(x) for x in levels),
                            }
                        )
        return pd.DataFrame(rows, columns=["steps", "path", "levels"])

    def candidates(self, key: str) -> list[str]:
        """Every node a user's spelling of a key may stand for ("05-ct/tw" → "05-CT/TW
        (2016)", "05-CT/TW (2021)"), in order."""
        if key in self.graph:
            return [key]
        code = parse_code(key.split(" (")[0])
        wanted = {compare_key(key), compare_key(code.key) if code and code.key else ""}
        keys = {n: compare_key(self.graph.nodes[n].get("key") or n) for n in self.graph.nodes}
        return sorted(n for n, k in keys.items() if k in wanted or compare_key(n) in wanted)

    def resolve(self, key: str) -> str | None:
        """The node a user's spelling of a key stands for; of several documents with one
        number, the one most documents carry out. A year in brackets picks one: "05-CT/TW
        (2016)"."""
        found = self.candidates(key)
        return max(found, key=lambda n: (self.graph.out_degree(n), n), default=None)

    def _describe(self, node: str, prefix: str) -> dict[str, Any]:
        data = self.graph.nodes[node]
        return {f"{prefix}{name}": data.get(name) for name in _NODE_FIELDS}


_NODE_FIELDS = ("key", "doc_type", "issuer", "level", "branch", "date", "in_corpus")
_EDGE_COLUMNS = [
    "directive", "carried_out_by", "via", "read_in", "lag_days",
    *(f"directive_{n}" for n in _NODE_FIELDS), *_NODE_FIELDS,
]  # fmt: skip
_IMPLEMENTER_COLUMNS = ["document", "step", *_NODE_FIELDS, "lag_days"]


def _same_issuer(a: str | None, b: str | None, loose: bool = False) -> bool:
    """Do ``a`` and ``b`` name one body? ``loose``: ``b`` (what a user typed) may be the start
    of ``a``'s name."""
    if not a or not b:
        return False
    fa, fb = name_key(a), name_key(b)
    return fa == fb or (loose and fa.startswith(fb))


_GENERIC = lazy_compile(r"(?i)(?:tỉnh|huyện|xã|quận|phường|thị xã|thị trấn|thành phố)\s*$")


def _add_node(g: nx.DiGraph, node_name: str, **attrs: Any) -> None:
    """Add a node or fill in what it lacks (a plan in the corpus says more than a citation)."""
    if node_name not in g:
        g.add_node(node_name, in_corpus=False)
    node = g.nodes[node_name]
    for name, value in attrs.items():
        if value is not None and (node.get(name) is None or name == "in_corpus"):
            node[name] = value


def _placed(issuer: str | None, key: str) -> dict[str, Any]:
    where = place(issuer, key)
    return {"level": where.level, "branch": where.branch}


def _lag(g: nx.DiGraph, a: str, b: str) -> int | None:
    da, db = _iso(g.nodes[a].get("date")), _iso(g.nodes[b].get("date"))
    return (db - da).days if da and db else None


def _upward(g: nx.DiGraph, a: str, b: str) -> bool:
    """Would ``b`` carry out a document of a lower level (a ministry a province's plan)? No
    body does: such a link is a misreading, and is left out."""
    la, lb = g.nodes[a].get("level"), g.nodes[b].get("level")
    return la in LEVELS and lb in LEVELS and level_order(lb) < level_order(la)


def _add_plan(g: nx.DiGraph, plan: Plan) -> str:
    key = own_key(plan)
    when = plan.date.value if plan.date else None
    node = node_id(key, when) if key != plan.source else key
    issuer = plan.issuer.value if plan.issuer else None
    _add_node(
        g, node, key=key, doc_type=plan.doc_type.value if plan.doc_type else None, issuer=issuer,
        date=when, in_corpus=True, **_placed(issuer, key), source=plan.source,
    )  # fmt: skip
    return node


def _cited_nodes(g: nx.DiGraph, plan: Plan) -> dict[str, str]:
    """Add the plan's citations; map each key it cites to its node (the year of the first
    dated mention of that key in this plan decides between documents of one number)."""
    nodes: dict[str, str] = {}
    for c in plan.citations:
        if not c.key:
            continue
        when = _cited_date(c)
        if c.key not in nodes or (when and nodes[c.key] == c.key):
            nodes[c.key] = node_id(c.key, when)
        _add_node(
            g, nodes[c.key], key=c.key, doc_type=c.doc_type, issuer=c.issuer, date=when,
            **_placed(c.issuer, c.key),
        )  # fmt: skip
    return nodes


def _rests_on(plan: Plan) -> list[str]:
    """The plans and directives a plan's basis names ("Căn cứ Kế hoạch số 92-KH/TU …"): what
    it is built on, though it does not say it carries them out. Laws and decrees are left out."""
    return [
        c.key for c in plan.citations
        if c.key and c.role == "basis" and c.doc_type in CARRIED_TYPES
    ]  # fmt: skip


def cascade(plans: Iterable[Plan]) -> Cascade:
    """The cascade of the plans given (a list, or ``corpus.plans``)."""
    import networkx as nx

    g = nx.DiGraph()
    kept: dict[str, Plan] = {}
    links: list[tuple[str, str, str, str]] = []
    for plan in plans:
        me = _add_plan(g, plan)
        kept[me] = plan
        nodes = _cited_nodes(g, plan)
        for c in plan.citations:
            if c.key and c.described_by in nodes and c.relation == "implements":
                links.append((nodes[c.key], nodes[c.described_by or ""], "description", me))
        links += [(nodes.get(k, k), me, "plan", me) for k in plan.implements or []]
        links += [(nodes[k], me, "basis", me) for k in _rests_on(plan)]
    for a, b, via, read_in in links:
        if a != b and a in g and b in g and not g.has_edge(a, b) and not _upward(g, a, b):
            g.add_edge(a, b, via=via, read_in=read_in, lag_days=_lag(g, a, b))
    return Cascade(graph=g, plans=kept)


def level_order(level: str | None) -> int:
    """For sorting tables and plots from the centre down."""
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)
