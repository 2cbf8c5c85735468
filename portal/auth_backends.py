from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def looks_like_nip(value):
    return value.isdigit() and len(value) == 18


class NipOrUsernameBackend(ModelBackend):
    """Employees log in with their NIP or their username."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        UserModel = get_user_model()
        if username is None:
            username = kwargs.get(UserModel.USERNAME_FIELD)
        if username is None or password is None:
            return None
        candidate = username.strip().replace(" ", "")
        if not looks_like_nip(candidate):
            # ModelBackend already runs the hasher once whether or not the username exists
            return super().authenticate(request, username=username.strip(), password=password, **kwargs)
        # A NIP is answered here alone, with exactly one password hash whatever the outcome, so that the response
        # time does not tell which NIPs have an account (a NIP is not secret: it is printed on letters and decrees).
        user = UserModel.objects.filter(pegawai__nip=candidate).first()
        if user is None:
            # an 18-digit username of an account without a pegawai (accounts are named after the NIP)
            user = UserModel._default_manager.filter(**{UserModel.USERNAME_FIELD: candidate}).first()
        if user is None:
            UserModel().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def get_user(self, user_id):
        from .frame import load_user

        return load_user(user_id, lambda: super(NipOrUsernameBackend, self).get_user(user_id))
