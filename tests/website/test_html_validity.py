"""Every page type and every main view is valid HTML by the Nu HTML Checker (vnu), with realistic content.

vnu runs on Java from the `vnu-jar` npm package, which `make vnu` puts in .tools/ (or VNU_JAR names the jar). Without
Java or the jar the test is skipped with a message, unless REQUIRE_VNU=1 (CI), where that fails the run.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from members.factories import UserFactory
from tests.website.page_types import MEMBER_EMAIL, every_page_type

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
VNU_JAR = Path(os.environ.get("VNU_JAR") or ROOT / ".tools/node_modules/vnu-jar/build/dist/vnu.jar")
VNU_TIMEOUT = 120  # seconds; one JVM checks every page in a few seconds


def vnu_command():
    java = shutil.which("java")
    missing = "Java" if java is None else None if VNU_JAR.exists() else f"the vnu jar ({VNU_JAR})"
    if missing:
        message = f"no {missing}: the Nu HTML Checker is skipped (`make vnu` installs it; it needs Java 11+ and npm)"
        if os.environ.get("REQUIRE_VNU") == "1":
            pytest.fail(f"REQUIRE_VNU=1 but {message}")
        pytest.skip(message)
    return [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]


def check_html(files):
    """vnu's errors for `files`, as {file name: ["line N: message (extract)"]}."""
    assert all(Path(file).is_file() for file in files)  # vnu says nothing about a file it cannot find
    result = subprocess.run(  # noqa: S603 (our own command, no shell)
        [*vnu_command(), *map(str, files)], capture_output=True, text=True, timeout=VNU_TIMEOUT, check=True
    )
    errors = {}
    for message in json.loads(result.stderr or result.stdout)["messages"]:
        if message["type"] in {"error", "non-document-error"}:
            name = Path(message.get("url", "?").removeprefix("file:")).name
            extract = " ".join(message.get("extract", "").split())[:120]
            errors.setdefault(name, []).append(f"line {message.get('lastLine', '?')}: {message['message']} «{extract}»")
    return errors


def test_check_html_finds_an_error(tmp_path):
    """The checker is really asked: a duplicate id is an error."""
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html lang="id"><title>x</title><p id="a"></p><p id="a"></p></html>')
    assert "Duplicate ID" in " ".join(check_html([page])["broken.html"])


def test_every_page_type_is_valid_html(client, home, tmp_path):
    vnu_command()  # skip before making the content when there is no checker
    pages = every_page_type(home)
    member = Client()
    member.force_login(UserFactory._meta.model.objects.get(email=MEMBER_EMAIL))
    files = {}
    for number, (name, path, as_member) in enumerate(pages):
        response = (member if as_member else client).get(path)
        assert response.status_code == 200, (name, path, response.status_code)
        file = tmp_path / f"{number:02d}-{re.sub(r'[^a-z]+', '-', name)}.html"
        file.write_bytes(response.content)
        files[file] = name
    errors = check_html(list(files))
    names = {file.name: name for file, name in files.items()}
    report = "\n".join(f"{names.get(file, file)}: {error}" for file, messages in errors.items() for error in messages)
    assert not errors, "vnu found errors:\n" + report
