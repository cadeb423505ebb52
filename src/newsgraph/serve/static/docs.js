// Interactive API documentation, from the vendored Swagger UI (no CDN: works offline).
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
