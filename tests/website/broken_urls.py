from django.urls import path


def broken(request):
    raise RuntimeError("secret internal detail")


urlpatterns = [path("broken/", broken)]
