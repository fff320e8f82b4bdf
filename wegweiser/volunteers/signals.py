"""An opportunity's page shows the places still free: a sign-up saved or deleted renews cached pages."""

from wegweiser.plugin_api import public_pages_show
from wegweiser.volunteers.models import VolunteerApplication

public_pages_show(VolunteerApplication)
