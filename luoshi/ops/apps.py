from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "luoshi.ops"
    label = "ops"
    verbose_name = "运行维护"
