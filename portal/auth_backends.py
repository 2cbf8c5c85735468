from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class NipOrUsernameBackend(ModelBackend):
    """Employees log in with their NIP or their username."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        candidate = username.strip().replace(" ", "")
        if candidate.isdigit() and len(candidate) == 18:
            user = get_user_model().objects.filter(pegawai__nip=candidate).first()
            if user and user.check_password(password) and self.user_can_authenticate(user):
                return user
        return super().authenticate(request, username=username.strip(), password=password, **kwargs)
