def only_lentera_api(endpoints):
    """Keep the OpenAPI schema to our /api/v1/; Wagtail's internal admin API is not part of it."""
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
