"""Text helpers for search: the root of an Indonesian word, a snippet of a text with the query's words marked, and
the count of what people search for (never their e-mail addresses or phone numbers, and only for SEARCH_QUERY_DAYS)."""

import re

from django.db import connection
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

# Indonesian affixes, stripped only to find where a stemmed match sits in the text for the snippet;
# the search itself relies on the backend's stemmer.
PREFIXES = (
    "memper",
    "menge",
    "meng",
    "meny",
    "men",
    "mem",
    "me",
    "peng",
    "peny",
    "pen",
    "pem",
    "per",
    "pe",
    "ber",
    "ter",
    "di",
    "ke",
    "se",
)
SUFFIXES = ("kannya", "annya", "kan", "nya", "an", "i", "lah", "kah")


def search_text(query):
    """`query` as given to a full-text search: double quotes become spaces, because the backends quote each word
    themselves and a stray quote breaks SQLite's full-text query ("unterminated string")."""
    return " ".join(query.replace('"', " ").split())


def word_root(word):
    word = word.lower()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix) :]
    return word


def snippet(text, query_terms, width=220):
    """A short extract of `text` around the first query word found, with matches marked."""
    if not text:
        return ""
    roots = [word_root(term) for term in query_terms if len(term) >= 3]
    if not roots:
        return ""
    pattern = re.compile(r"\w*(?:" + "|".join(re.escape(root) for root in roots) + r")\w*", re.IGNORECASE)
    match = pattern.search(text)
    if match is None:
        return ""
    start = max(0, match.start() - width // 2)
    end = min(len(text), match.end() + width // 2)
    if start > 0:
        start = text.find(" ", start) + 1 or start
    excerpt = text[start:end]
    marked = pattern.sub(lambda found: f"\x00{found.group(0)}\x01", excerpt)
    html = escape(marked).replace("\x00", "<mark>").replace("\x01", "</mark>")
    return mark_safe(("… " if start > 0 else "") + html + (" …" if end < len(text) else ""))  # noqa: S308


# --- What people search for -----------------------------------------------------------------------------------

# Someone looking a person up may type their e-mail address or phone number: such queries are not stored.
EMAIL_LIKE = re.compile(r"\S@\S")
PHONE_LIKE = re.compile(r"(?:\d[\s().+-]*){7,}")


def looks_personal(query):
    """True for a query that looks like it holds an e-mail address or a phone number (7 or more digits)."""
    return bool(EMAIL_LIKE.search(query) or PHONE_LIKE.search(query))


def count_query(query):
    """Add one to today's count of `query`, for the editors' search promotions (Wagtail's Query, QueryDailyHits);
    nothing about who searched is kept, and a query that looks like personal data is not kept at all. Returns the
    stored query (whose promotions the results show), or None."""
    from wagtail.contrib.search_promotions.models import Query

    if query and not looks_personal(query):
        stored = Query.get(query)
        add_hit(stored)
        return stored
    return None


def add_hit(stored):
    """Query.add_hit in one statement (an upsert) instead of a lookup, an insert when it is the first today, and an
    update; concurrent searches for the same words add up all the same."""
    from wagtail.contrib.search_promotions.models import QueryDailyHits

    table = connection.ops.quote_name(QueryDailyHits._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (query_id, date, hits) VALUES (%s, %s, 1) "  # noqa: S608 - the table's own name
            f"ON CONFLICT (query_id, date) DO UPDATE SET hits = {table}.hits + 1",
            [stored.pk, timezone.now().date()],
        )


def promoted_query(query):
    """The stored query that editors may have promoted results for (None: nothing is stored for it)."""
    from wagtail.contrib.search_promotions.models import Query
    from wagtail.search.utils import normalise_query_string

    return Query.objects.filter(query_string=normalise_query_string(query)).first()


def prune_query_counts():
    """Delete daily search counts older than SEARCH_QUERY_DAYS, then the queries left with no count and no
    promotion."""
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    QueryDailyHits.garbage_collect()
    Query.garbage_collect()
