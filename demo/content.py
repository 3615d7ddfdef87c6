"""The demo's texts, read from the YAML files in `demo/data/` (its README explains them), as the specs that
`manage.py load_demo_content` works from.

A page spec is a dict: its "key", "model" ("NewsPage" is in the website app, "resources.ModulePage" names its app),
"parent" (a page key, None for the home page), "shared" (fields the same in both languages) and one dict per language
("id" is the original, "en" the translation); resources may add "members_only". References to other objects are
strings that the command resolves per language: "@page:<key>", "@image:<key>", and inside rich text
``<a linktype="page" id="@page:<key>">``.
"""

from pathlib import Path

import yaml
from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("id", "en")

# Fields written as a list of StreamField blocks, each block as `- <block type>: <value>`.
STREAM_FIELDS = ("body", "report", "sessions")
# What the block fields an editor may leave out stand for.
BLOCK_DEFAULTS = {
    "heading": {"level": "h2"},
    "quote": {"attribution": ""},
    "image": {"caption": "", "attribution": ""},
    "call_to_action": {"external_url": ""},
}
LINK_DEFAULTS = {"external_url": "", "label": ""}


def read(name):
    """The contents of demo/data/<name>.yaml."""
    with (DATA_DIR / f"{name}.yaml").open(encoding="utf-8") as file:
        # libyaml's loader when PyYAML was built with it (ten times faster), the pure-Python one otherwise.
        return yaml.load(file, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506


def with_defaults(values, defaults):
    """The values, followed by the defaults of those left out."""
    return {**values, **{name: value for name, value in defaults.items() if name not in values}}


def block(item):
    """A StreamField block from its YAML form `{block type: value}`; a heading may be given as just its text."""
    ((block_type, value),) = item.items()
    if block_type == "heading" and isinstance(value, str):
        value = {"text": value}
    if block_type in BLOCK_DEFAULTS:
        value = with_defaults(value, BLOCK_DEFAULTS[block_type])
    return {"type": block_type, "value": value}


def fields(values):
    """Page fields from YAML: stream fields become lists of blocks."""
    return {name: [block(item) for item in value] if name in STREAM_FIELDS else value for name, value in values.items()}


def page_spec(item, **defaults):
    """A page spec from its YAML form; `defaults` fill in what a whole file shares, such as the model and parent."""
    spec = {**with_defaults(item, defaults), "shared": fields(item.get("shared", {}))}
    for language in LANGUAGES:
        if language in item:
            spec[language] = fields(item[language])
    return spec


def slug_for(title, limit=70):
    """A URL slug from a title, cut at a word boundary."""
    slug = slugify(title)
    if len(slug) <= limit:
        return slug
    return slug[:limit].rsplit("-", 1)[0]


# --- Images, authors, site pages and news --------------------------------------------------------------------------

IMAGES = read("images")["images"]

_site = read("site")
SITE_NAME = _site["site_name"]
SITE_SETTINGS = _site["settings"]
FOOTER = {
    language: {**texts, "links": [with_defaults(link, LINK_DEFAULTS) for link in texts["links"]]}
    for language, texts in _site["footer"].items()
}

_news = read("news")
AUTHORS = _news["authors"]
NEWS = [page_spec(item, model="NewsPage", parent="news") for item in _news["articles"]]
SITE_PAGES = [*(page_spec(item) for item in read("pages")["pages"]), *NEWS]


# --- Resource library, documents and curriculum --------------------------------------------------------------------

_library = read("resources")
MEMBERS_COLLECTION = _library["members_collection"]
SYNONYMS = _library["search_synonyms"]
# The PDF and Word files that load_demo_content generates, in the order they are declared: filled below.
DOCUMENTS = []


def document(item, *, members_only=False, language="id"):
    """Declare a generated document and return its key; the demo note is appended as the last paragraph."""
    DOCUMENTS.append(
        {
            "key": item["key"],
            "title": item["title"],
            "kind": item.get("kind", "pdf"),
            "paragraphs": [*item["paragraphs"], _library["document_note"][language]],
            "table_rows": item.get("table_rows"),
            "members_only": members_only,
        }
    )
    return item["key"]


def resource_spec(item):
    """The page spec of one library resource; its PDF and Word file (if any) are declared as documents."""
    key, title, language = f"res-{item['number']:03d}", item["id"]["title"], item.get("language", "id")
    members_only = item.get("members_only", False)
    files = []
    if "pdf" in item:
        pdf = {"key": key, "title": title, "paragraphs": item["pdf"]}
        files.append(document(pdf, members_only=members_only, language=language))
    if "docx" in item:
        docx = {"key": f"{key}-docx", "title": title, "kind": "docx", "paragraphs": item["docx"]}
        docx["table_rows"] = item.get("table_rows")
        files.append(document(docx, members_only=members_only, language=language))
    published = item.get("published_date")
    shared = {
        "external_id": f"demo-{item['number']:03d}",
        "resource_type": item["resource_type"],
        "tags": item.get("tags", []),
        "regions": item.get("regions", ["Banten"]),
        "language": language,
        "published_year": published.year if published else item.get("published_year"),
        "published_date": published,
        "publisher": item["publisher"],
        "external_url": item.get("external_url", ""),
        "files": files,
    }
    if "cover_image" in item:
        shared["cover_image"] = item["cover_image"]
    spec = {"key": key, "model": "resources.ResourcePage", "parent": "library", "members_only": members_only}
    spec["shared"] = shared
    for code in LANGUAGES:
        if code in item:
            texts = item[code]
            spec[code] = {"title": texts["title"], "slug": slug_for(texts["title"]), "summary": texts["summary"]}
    return spec


def module_spec(item):
    """The page spec of one curriculum module; its handouts and worksheets are declared as documents."""
    spec = page_spec(item, model="resources.ModulePage", parent="curriculum")
    spec["shared"]["files"] = [document(file) for file in spec["shared"].get("files", [])]
    return spec


RESOURCES = [resource_spec(item) for item in _library["resources"]]
_curriculum = read("curriculum")
MODULES = [module_spec(item) for item in _curriculum["modules"]]

# Every page but the events, in tree order: a page's parent always comes before it.
PAGES = [
    *SITE_PAGES,
    page_spec(_library["library"]),
    *RESOURCES,
    page_spec(_curriculum["curriculum"]),
    *MODULES,
]


def _check():
    """Catch mistakes in the data early: duplicate document titles would make the look-up by title ambiguous."""
    titles = [spec["title"] for spec in DOCUMENTS]
    duplicates = {title for title in titles if titles.count(title) > 1}
    if duplicates:
        raise ValueError(f"Demo document titles must be unique: {sorted(duplicates)}")
    keys = [spec["key"] for spec in PAGES]
    if len(keys) != len(set(keys)):
        raise ValueError("Demo page keys must be unique.")


_check()
