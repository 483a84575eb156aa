/*
 * Starts Swagger UI on the API documentation page with this server's OpenAPI document, which Payara Micro
 * serves at /openapi beside the application. A file of its own, so that the page needs no inline script.
 */
(function () {
    'use strict';
    // This script is <context>/static/api-docs.js; the document is <context>/openapi.
    var openapi = new URL('../openapi', document.currentScript.src).href;
    window.ui = SwaggerUIBundle({
        url: openapi,
        dom_id: '#swagger-ui',
        presets: [SwaggerUIBundle.presets.apis],
        deepLinking: true,
        // Nothing is sent elsewhere: no online validator badge.
        validatorUrl: null
    });
}());
