from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0004_outgoing_mail_moves_to_core")]

    operations = [migrations.DeleteModel(name="OutgoingMail")]
