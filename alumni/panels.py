"""The admin's choosers for alumni profiles and organisations in other models' edit forms (event speakers,
organisers and follow-up owners).

A form widget does not know who is looking, so `ProfileChooserPanel` and `OrganisationChooserPanel` tell it: the
chosen person or organisation is named only to an editor `alumni.policy.admin_profiles` (`admin_organisations`)
allows to see them. Anyone else sees a neutral label, while the chosen id stays in the form, so saving the page
keeps the choice. The same panels name them in the comparison of two page revisions only to the same editors.
"""

import functools

from django.utils.translation import gettext_lazy as _
from wagtail.admin import compare
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.widgets import AdminSnippetChooser

from .policy import admin_organisations, admin_profiles

NOT_SHOWN = _("Alumnus not shown to you")
ORGANISATION_NOT_SHOWN = _("Organisation not shown to you")


class PolicyChooserWidget(AdminSnippetChooser):
    """A snippet chooser naming the chosen object only to a viewer `allowed(viewer)` includes it for."""

    viewer = None  # set by the panel; without a viewer nothing is named
    not_shown = NOT_SHOWN

    @staticmethod
    def allowed(viewer):
        raise NotImplementedError

    def get_display_title(self, instance):
        if self.viewer is not None and self.allowed(self.viewer).filter(pk=instance.pk).exists():
            return super().get_display_title(instance)
        return str(self.not_shown)


class ProfileChooserWidget(PolicyChooserWidget):
    allowed = staticmethod(admin_profiles)


class OrganisationChooserWidget(PolicyChooserWidget):
    allowed = staticmethod(admin_organisations)
    not_shown = ORGANISATION_NOT_SHOWN


class PolicyForeignObjectComparison(compare.ForeignObjectComparison):
    """A revision comparison of a foreign key that names an object only to a viewer `allowed(viewer)` includes it
    for; both revisions' objects are checked, and a change stays visible as a change."""

    def __init__(self, field, obj_a, obj_b, *, viewer, allowed, not_shown, **kwargs):
        super().__init__(field, obj_a, obj_b, **kwargs)
        self.viewer = viewer
        self.allowed = allowed
        self.not_shown = not_shown

    def get_objects(self):
        obj_a, obj_b = super().get_objects()
        pks = {obj.pk for obj in (obj_a, obj_b) if obj is not None}
        shown = (
            set()
            if self.viewer is None
            else set(self.allowed(self.viewer).filter(pk__in=pks).values_list("pk", flat=True))
        )
        return self._label(obj_a, shown), self._label(obj_b, shown)

    def _label(self, obj, shown):
        if obj is None or obj.pk in shown:
            return obj
        # A stand-in that still differs from another hidden object, so the diff says "changed", not what.
        return _Hidden(obj.pk, self.not_shown)


class _Hidden:
    def __init__(self, pk, label):
        self.pk = pk
        self.label = label

    def __eq__(self, other):
        return isinstance(other, _Hidden) and other.pk == self.pk

    def __hash__(self):
        return hash(self.pk)

    def __str__(self):
        return str(self.label)


class PolicyChooserPanel(FieldPanel):
    """A FieldPanel for a foreign key whose chosen object is named only to editors allowed to see it."""

    widget_class = PolicyChooserWidget

    def get_comparison_class(self):
        widget_class = self.widget_class
        return functools.partial(
            PolicyForeignObjectComparison, allowed=widget_class.allowed, not_shown=widget_class.not_shown
        )

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            widget = self.bound_field.field.widget if self.bound_field is not None else None
            if isinstance(widget, self.panel.widget_class):
                widget.viewer = self.viewer

        @property
        def viewer(self):
            return self.request.user if self.request is not None else None

        def get_comparison(self):
            return [functools.partial(comparison, viewer=self.viewer) for comparison in super().get_comparison()]


class ProfileChooserPanel(PolicyChooserPanel):
    """A FieldPanel for a foreign key to `alumni.Profile`."""

    widget_class = ProfileChooserWidget


class OrganisationChooserPanel(PolicyChooserPanel):
    """A FieldPanel for a foreign key to `alumni.Organisation`."""

    widget_class = OrganisationChooserWidget
