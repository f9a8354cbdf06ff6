package com.tradebatch.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the web console needs beyond the API: who the token signs in ({@code /api/system/whoami}), and
 * {@code /console} leading to the console's page (static files under {@code static/console/}, no data in them).
 */
@RestController
@ConditionalOnWebApplication
class ConsoleApi {

    /** The one identity a bearer token carries: the operator. Nothing about the token itself is echoed. */
    @GetMapping(path = "/api/system/whoami", produces = "application/json")
    Map<String, Object> whoami(Authentication auth) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "operator");
        body.put("principal", auth.getName());
        body.put("authorities", auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
        body.put("authenticatedBy", "bearer token (TRADEBATCH_API_TOKEN)");
        return body;
    }

    @GetMapping({"/console", "/console/"})
    ResponseEntity<Void> console() {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "/console/index.html").build();
    }
}
