from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def kiosk(request: HttpRequest) -> HttpResponse:
    return render(request, "experience/attract.html")
