package com.tradebatch.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every call but {@code /actuator/health} and the console's static files ({@code /console/**}) needs
 * {@code Authorization: Bearer <TRADEBATCH_API_TOKEN>}. Without a token configured the API does not run open: {@code serve} says so on stderr and every call is refused with 401.
 * Stateless: no session, no cookie, no CSRF token (nothing is authenticated by the browser).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiSecurity {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurity.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiProperties props) throws Exception {
        if (!props.hasToken()) {
            log.warn("TRADEBATCH_API_TOKEN is not set: the HTTP API refuses every call with 401 (only /actuator/health"
                    + " answers); set it to use the API");
        }
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new BearerTokenFilter(props.token()), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the console's static page, script and style hold no data: every /api call they make needs the token
                        .requestMatchers(HttpMethod.GET, "/console", "/console/", "/console/**").permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> unauthorized(request,
                        response, props.hasToken() ? "a valid 'Authorization: Bearer <token>' header is required"
                                : "the API is disabled: TRADEBATCH_API_TOKEN is not set on the server")));
        return http.build();
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", HttpStatus.UNAUTHORIZED.getReasonPhrase());
        body.put("status", HttpStatus.UNAUTHORIZED.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader("WWW-Authenticate", "Bearer");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    /** Authenticates a request whose bearer token equals the configured one (compared in constant time). */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private static final String PREFIX = "Bearer ";
        private final byte[] token;

        BearerTokenFilter(String token) {
            this.token = token.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (token.length > 0 && header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                    && MessageDigest.isEqual(token, header.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8))) {
                var auth = UsernamePasswordAuthenticationToken.authenticated("api", null,
                        List.of(new SimpleGrantedAuthority("ROLE_API")));
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(auth);
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}
