"""The admin's chooser for alumni profiles in other models' edit forms (event speakers, follow-up owners).

A form widget does not know who is looking, so `ProfileChooserPanel` tells it: the chosen person is named only to
an editor `alumni.policy.admin_profiles` allows to see them. Anyone else sees a neutral label, while the chosen id
stays in the form, so saving the page keeps the person.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.widgets import AdminSnippetChooser

from .policy import admin_profiles

NOT_SHOWN = _("Alumnus not shown to you")


class ProfileChooserWidget(AdminSnippetChooser):
    viewer = None  # set by ProfileChooserPanel; without a viewer nobody is named

    def get_display_title(self, instance):
        if self.viewer is not None and admin_profiles(self.viewer).filter(pk=instance.pk).exists():
            return super().get_display_title(instance)
        return str(NOT_SHOWN)


class ProfileChooserPanel(FieldPanel):
    """A FieldPanel for a foreign key to `alumni.Profile`."""

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            widget = self.bound_field.field.widget if self.bound_field is not None else None
            if isinstance(widget, ProfileChooserWidget):
                widget.viewer = self.request.user if self.request is not None else None
