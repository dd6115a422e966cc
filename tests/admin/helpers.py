"""Helpers for admin tests: form data as the browser would post it, and staff logins."""


def _field_values(form):
    data = {}
    for name in form.fields:
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None:
            continue
        if isinstance(value, list | tuple):
            data[key] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[key] = "on"
        else:
            data[key] = str(value)
    return data


def change_form_data(response):
    """The data of the rendered change form and its inlines, as the browser would post it."""
    data = _field_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for form in formset.initial_forms:
            data.update(_field_values(form))
    return data


def staff_user(username, *codenames):
    """A staff user holding exactly the named permissions."""
    from django.contrib.auth.models import Permission, User

    user = User.objects.create_user(username, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


def staff_client(client, username, *codenames):
    """client, logged in as a staff user holding exactly the named permissions."""
    client.force_login(staff_user(username, *codenames))
    return client
