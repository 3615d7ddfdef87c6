import factory
from django.contrib.auth import get_user_model


class UserFactory(factory.django.DjangoModelFactory):
    """An account; `member=True` verifies it (the members group)."""

    email = factory.Sequence(lambda n: f"pengguna{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "sandi-rahasia-123")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def member(self, create, extracted, **kwargs):
        self.save()
        if extracted:
            self.make_member()
