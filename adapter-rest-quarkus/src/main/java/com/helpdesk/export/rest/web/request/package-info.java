/**
 * What an export call brings, read only once its key is authorized: the bearer key ({@code BearerToken}), the body's
 * media type, size and UTF-8 ({@code BodyGuard}), its strict JSON parse ({@code StrictJson}), and its mapping to the
 * domain's request, whose own parsers decide every rule and message ({@code RequestMapping}); the request id every
 * answer carries ({@code RequestIds}).
 */
package com.helpdesk.export.rest.web.request;
