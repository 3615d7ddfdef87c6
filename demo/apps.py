from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content and its loader (`manage.py load_demo_content`): installed by the dev and test settings only."""

    name = "demo"
    verbose_name = "Demo"
