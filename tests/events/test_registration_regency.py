"""The registration form's regency: nobody is placed outside Banten (or anywhere) without choosing it."""

import re

import pytest

from core.factories import region
from events.forms import RegistrationForm
from events.models import Registration
from tests.events.test_registration import data, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(make_event):
    return make_event(title="Lokakarya Tim Tangguh", slug="lokakarya-tim-tangguh", capacity=5)


@pytest.fixture
def serang(db):
    return region("Kota Serang")


def regency_select(html):
    return re.search(r'<select name="regency".*?</select>', html, re.S).group(0)


def test_the_empty_choice_comes_first_and_is_selected_and_outside_banten_is_last(client, event, serang):
    select = regency_select(client.get(event.url).content.decode())
    options = re.findall(r'<option value="([^"]*)"( selected)?>', select)
    assert options[0] == ("", " selected")
    assert [selected for _value, selected in options[1:]] == [""] * (len(options) - 1)
    assert options[-1][0] == "outside"
    assert ">Di luar Banten</option>" in select  # the Indonesian page says it in Indonesian
    assert f'<option value="{serang.pk}">Kota Serang</option>' in select


def test_a_registration_without_a_choice_is_refused_and_keeps_what_was_typed(client, event, serang):
    response = register(client, event, serang, regency="", name="Budi Santoso")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Budi Santoso"' in html
    assert not Registration.objects.exists()


def test_outside_banten_is_kept_as_no_regency_and_stays_chosen_on_a_mistake(client, event, serang):
    form = RegistrationForm(data(serang, regency="outside", email="bukan-alamat"), instance=Registration(event=event))
    assert not form.is_valid() and list(form.errors) == ["email"]
    assert re.search(r'<option value="outside" selected>', str(form["regency"]))

    assert register(client, event, serang, regency="outside").status_code == 303
    assert Registration.objects.get().regency is None


def test_a_regency_of_banten_is_kept_and_a_made_up_choice_is_refused(client, event, serang):
    assert register(client, event, serang, regency="luar-negeri").status_code == 400
    assert register(client, event, serang).status_code == 303
    assert Registration.objects.get().regency == serang
