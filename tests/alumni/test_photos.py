import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import ExifTags, Image

from alumni.factories import ProfileFactory
from alumni.models import Audience, Profile, Visibility
from alumni.photos import process_photo, replace_photo
from members.factories import UserFactory
from tests.alumni.test_accounts import edit_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _default_language():
    translation.activate("id")
    yield
    translation.deactivate()


def image_file(name="foto.jpg", size=(1600, 1200), mode="RGB", fmt="JPEG", **save_options):
    buffer = io.BytesIO()
    Image.new(mode, size, "teal" if mode == "RGB" else 0).save(buffer, fmt, **save_options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")


def jpeg_with_gps():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "KameraRahasia"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "S",
        ExifTags.GPS.GPSLatitude: (6.0, 18.0, 30.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (106.0, 6.0, 0.0),
    }
    return image_file("rumah-saya.jpg", exif=exif.tobytes())


@pytest.fixture
def owner():
    return UserFactory(member=True)


@pytest.fixture
def logged_in(owner):
    client = Client()
    client.force_login(owner)
    return client


def with_photo(profile):
    replace_photo(profile, process_photo(image_file()))
    profile.save()
    return profile


# --- Processing ----------------------------------------------------------------------------------


def test_gps_and_camera_data_are_stripped_and_the_photo_is_resized(settings):
    upload = jpeg_with_gps()
    original = Image.open(io.BytesIO(upload.read()))
    assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the upload really carries a location
    upload.seek(0)
    stored = Image.open(io.BytesIO(process_photo(upload).read()))
    assert stored.format == "JPEG"
    assert max(stored.size) == settings.ALUMNI_PHOTO_SIZE
    assert not stored.getexif()
    assert "exif" not in stored.info


def test_a_transparent_png_becomes_a_jpeg():
    stored = Image.open(io.BytesIO(process_photo(image_file("a.png", size=(50, 40), mode="RGBA", fmt="PNG")).read()))
    assert stored.format == "JPEG" and stored.size == (50, 40)


def refuse(upload, code, english):
    """`process_photo` refuses `upload` with error `code`, explained in English as `english`."""
    with translation.override("en"), pytest.raises(ValidationError, match=english) as refusal:
        process_photo(upload)
    assert refusal.value.code == code


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name():
    upload = SimpleUploadedFile("foto.jpg", b"<?php echo 'x'; ?>", content_type="image/jpeg")
    refuse(upload, "invalid", "not a photo we can read")


def test_an_image_format_we_do_not_accept_is_refused():
    refuse(image_file("a.gif", size=(20, 20), fmt="GIF"), "format", "JPEG, PNG or WebP")


def test_a_decompression_bomb_is_refused_before_its_pixels_are_decoded():
    # 30 megapixels in a few kilobytes: over ALUMNI_PHOTO_MAX_PIXELS (25 MP).
    bomb = image_file("bom.png", size=(6000, 5000), mode="1", fmt="PNG")
    assert bomb.size < 100_000
    refuse(bomb, "too_many_pixels", "too many pixels: at most 25 megapixels")


def test_pillows_own_bomb_guard_also_becomes_a_form_error(settings, monkeypatch):
    settings.ALUMNI_PHOTO_MAX_PIXELS = 10**12
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    refuse(image_file(size=(100, 100)), "too_many_pixels", "too many pixels")


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.ALUMNI_PHOTO_MAX_UPLOAD_MB = 0
    refuse(image_file(size=(10, 10)), "too_large", "too large")


def test_the_refusals_are_in_bahasa_indonesia_by_default():
    with pytest.raises(ValidationError, match="terlalu banyak piksel"):
        process_photo(image_file("bom.png", size=(6000, 5000), mode="1", fmt="PNG"))


# --- Upload through "my profile" -----------------------------------------------------------------


def test_upload_stores_a_random_name_without_metadata_and_replacing_deletes_the_old_file(logged_in, owner, settings):
    profile = ProfileFactory(user=owner)
    response = logged_in.post(reverse("alumni:my_profile_edit"), edit_data(profile, photo_upload=jpeg_with_gps()))
    assert response.status_code == 302
    profile.refresh_from_db()
    first = profile.photo.name
    assert re.fullmatch(r"alumni-photos/[0-9a-f]{32}\.jpg", first)
    path = settings.MEDIA_ROOT / first
    assert b"Exif" not in path.read_bytes() and b"KameraRahasia" not in path.read_bytes()

    logged_in.post(reverse("alumni:my_profile_edit"), edit_data(profile, photo_upload=image_file()))
    profile.refresh_from_db()
    assert profile.photo.name != first
    assert not path.exists()
    assert (settings.MEDIA_ROOT / profile.photo.name).exists()

    second = settings.MEDIA_ROOT / profile.photo.name
    logged_in.post(reverse("alumni:my_profile_edit"), edit_data(profile, remove_photo="on"))
    profile.refresh_from_db()
    assert not profile.photo
    assert not second.exists()


def test_a_bomb_uploaded_through_the_form_gets_a_clear_error_not_a_500(logged_in, owner):
    profile = ProfileFactory(user=owner)
    bomb = image_file("bom.png", size=(6000, 5000), mode="1", fmt="PNG")
    response = logged_in.post(
        reverse("alumni:my_profile_edit"), edit_data(profile, display_name="Nama Diketik", photo_upload=bomb)
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert form.has_error("photo_upload", "too_many_pixels")
    assert 'id="id_photo_upload_error"' in response.content.decode()
    assert 'value="Nama Diketik"' in response.content.decode()
    assert not Profile.objects.get(pk=profile.pk).photo


def test_the_media_url_of_a_photo_is_never_rendered_and_not_served(logged_in, owner, client):
    profile = with_photo(ProfileFactory(user=owner, visible=Visibility.PUBLIC, photo_audience=Audience.PUBLIC))
    for name in ["my_profile", "my_profile_edit"]:
        html = logged_in.get(reverse(f"alumni:{name}")).content.decode()
        assert reverse("alumni:photo", args=[profile.public_id]) in html
        assert "alumni-photos" not in html and "/media/" not in html
    assert client.get(f"/media/{profile.photo.name}").status_code == 404
    assert client.get(reverse("alumni:photo", args=[profile.public_id])).status_code == 200


# --- The photo view ------------------------------------------------------------------------------

MATRIX = [
    # profile visibility, photo audience, {viewer: may see}
    ("public", "public", {"anonymous": True, "account": True, "member": True, "owner": True, "staff": True}),
    ("public", "members", {"anonymous": False, "account": False, "member": True, "owner": True, "staff": True}),
    ("members", "public", {"anonymous": False, "account": False, "member": True, "owner": True, "staff": True}),
    ("public", "nobody", {"anonymous": False, "account": False, "member": False, "owner": True, "staff": True}),
    ("hidden", "public", {"anonymous": False, "account": False, "member": False, "owner": True, "staff": True}),
]


@pytest.mark.parametrize(("visibility", "audience", "expected"), MATRIX)
def test_the_photo_view_obeys_the_audience_and_the_profile_visibility(owner, visibility, audience, expected):
    profile = with_photo(
        ProfileFactory(user=owner, visible=None if visibility == "hidden" else visibility, photo_audience=audience)
    )
    viewers = {
        "anonymous": None,
        "account": UserFactory(),
        "member": UserFactory(member=True),
        "owner": owner,
        "staff": UserFactory(is_staff=True),
    }
    url = reverse("alumni:photo", args=[profile.public_id])
    for viewer, user in viewers.items():
        client = Client()
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        assert response.status_code == (200 if expected[viewer] else 404), viewer
        if response.status_code == 200:
            assert response["Content-Type"] == "image/jpeg"
            assert response["X-Content-Type-Options"] == "nosniff"
            public = visibility == "public" and audience == "public"
            assert response["Cache-Control"].startswith("public" if public else "private"), viewer
            assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_unknown_ids_and_profiles_without_photo_get_the_same_404(client):
    no_photo = ProfileFactory(visible=Visibility.PUBLIC, photo_audience=Audience.PUBLIC)
    assert client.get(reverse("alumni:photo", args=["tidakada"])).status_code == 404
    assert client.get(reverse("alumni:photo", args=[no_photo.public_id])).status_code == 404


def test_a_photo_disappears_the_moment_the_owner_hides_everywhere(logged_in, owner, client):
    profile = with_photo(ProfileFactory(user=owner, visible=Visibility.PUBLIC, photo_audience=Audience.PUBLIC))
    url = reverse("alumni:photo", args=[profile.public_id])
    assert client.get(url).status_code == 200
    logged_in.post(reverse("alumni:hide_me"), {"confirm": "yes"})
    assert client.get(url).status_code == 404
    assert logged_in.get(url).status_code == 200
