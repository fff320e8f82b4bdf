import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the first admin account if it does not exist. Username and password come from "
        "WEGWEISER_ADMIN_USER / WEGWEISER_ADMIN_PASSWORD, or a password is generated and stored in "
        "var/admin-credentials.txt (readable only by you)."
    )

    def handle(self, *args, **options):
        username = os.environ.get("WEGWEISER_ADMIN_USER", "admin")
        password = os.environ.get("WEGWEISER_ADMIN_PASSWORD")
        credentials_file = Path(settings.VAR_DIR) / "admin-credentials.txt"
        user_model = get_user_model()
        if user_model.objects.filter(username=username).exists():
            hint = f" (password in {credentials_file})" if credentials_file.exists() and not password else ""
            self.stdout.write(f"Admin account '{username}' exists{hint}.")
            return
        if not password:
            password = secrets.token_urlsafe(12)
            credentials_file.parent.mkdir(parents=True, exist_ok=True)
            credentials_file.write_text(f"username: {username}\npassword: {password}\n")
            credentials_file.chmod(0o600)
        user_model.objects.create_superuser(
            username=username, email=f"{username}@localhost", password=password
        )
        self.stdout.write(
            self.style.SUCCESS(f"Admin account created: username '{username}', password '{password}'")
        )
