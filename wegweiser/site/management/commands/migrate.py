"""``manage.py migrate``: Django's command, after switching apps' former labels (:mod:`wegweiser.site.former_labels`).

Django checks the migration history's consistency before any migration or ``pre_migrate`` receiver
runs, so a history that still names an app by its former label is switched here, before Django's
command starts. ``--check`` and ``--plan`` change nothing, so they only report a pending switch.
"""

from django.core.management.base import CommandError
from django.core.management.commands.migrate import Command as DjangoMigrateCommand
from django.db import connections

from wegweiser.site.former_labels import pending_switches, switch_former_labels


class Command(DjangoMigrateCommand):
    def handle(self, *args, **options):
        connection = connections[options["database"]]
        if options["check_unapplied"] or options["plan"]:
            pending = pending_switches(connection)
            if pending:
                names = ", ".join(f"{former} → {app_config.label}" for former, app_config in pending)
                raise CommandError(f"App labels to switch ({names}): run manage.py migrate.")
        else:
            for former, app_config in switch_former_labels(connection):
                if options["verbosity"] >= 1:
                    self.stdout.write(f"Switched the app label {former!r} to {app_config.label!r}.")
        super().handle(*args, **options)
