"""Start background work by the task's name. Tasks modules sit above the services they wrap (a task imports its
service); a service that queues follow-up work looks the task up in Celery's registry instead of importing the
tasks module back. `.delay` keeps the embedded default's inline (eager) execution and the worker's queueing alike."""

from celery import current_app


def enqueue(task_name: str, *args, **kwargs):
    app = current_app
    if task_name not in app.tasks:
        # a web process has not necessarily imported the apps' tasks modules yet: Celery's own discovery does it
        app.loader.import_default_modules()
    return app.tasks[task_name].delay(*args, **kwargs)
