"""Admin permission policies shared by the apps."""

from wagtail.permission_policies import ModelPermissionPolicy

from .access import is_staff


class StaffPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, for staff accounts only; `actions`, when given, is all anyone may do."""

    def __init__(self, model, actions=None, **kwargs):
        super().__init__(model, **kwargs)
        self.actions = actions

    def user_has_permission(self, user, action):
        if self.actions is not None and action not in self.actions:
            return False
        return is_staff(user) and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if self.actions is not None:
            actions = [action for action in actions if action in self.actions]
        return super().users_with_any_permission(actions).filter(is_staff=True)
