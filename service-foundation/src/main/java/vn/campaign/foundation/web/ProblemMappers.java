package vn.campaign.foundation.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders every failure as {@code application/problem+json}: validation and malformed JSON as
 * 400 with per-field messages, security failures as 401/403, JAX-RS errors with their status,
 * and anything unexpected as a 500 that reveals nothing internal.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(ProblemException.invalid(errors).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(jsonProblem(e).toProblem(path(uri)));
    }

    /** Quarkus has a built-in mapper for this exact type that answers without a body; this one wins. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(jsonProblem(e).toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemException.forbidden("your roles do not allow this operation").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 404 ? "no such resource" : safeMessage(e, title);
        Problem problem = new Problem(Problem.TYPE_BASE + "http-" + status, title, status, detail, path(uri), List.of());
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
            builder.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof ProblemException p) {
                return problem(p, uri);
            }
            root = root.getCause();
        }
        if (root instanceof ProblemException p) {
            return problem(p, uri);
        }
        Response known = databaseProblem(e, uri);
        if (known != null) {
            return known;
        }
        LOG.error("unexpected failure", e);
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "the request could not be completed; it has been logged", path(uri), List.of()));
    }

    /** Failures a request can cause in the database that are the client's to resolve, not a server error. */
    private static Response databaseProblem(Exception e, UriInfo uri) {
        boolean optimistic = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException) {
                optimistic = true;
            }
        }
        if (optimistic) {
            return respond(ProblemException.conflict("someone else changed this resource at the same time; read it again and retry")
                    .toProblem(path(uri)));
        }
        String state = Exceptions.sqlState(e);
        if (state == null) {
            return null;
        }
        if (state.equals("23505")) {
            return respond(ProblemException.conflict("this would duplicate an existing record").toProblem(path(uri)));
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
            return respond(ProblemException.conflict("a concurrent change got in the way; retry the request").toProblem(path(uri)));
        }
        if (state.startsWith("22")) {
            return respond(ProblemException.badRequest("a value is not acceptable (for example a control character or a number out of range)")
                    .toProblem(path(uri)));
        }
        return null;
    }

    static ProblemException jsonProblem(JsonProcessingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            return ProblemException.invalid(pathOf(format), "unknown value '" + format.getValue() + "'; allowed: " + allowed);
        }
        if (e instanceof InvalidFormatException format) {
            return ProblemException.invalid(pathOf(format), "cannot read '" + format.getValue() + "' as " + describe(format.getTargetType()));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return ProblemException.invalid(pathOf(mismatch), "expected " + describe(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ProblemException.invalid(pathOf(mapping), "invalid value");
        }
        String location = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return ProblemException.badRequest("the request body is not valid JSON" + location);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "an ISO-8601 date (yyyy-MM-dd)";
            case "Instant", "OffsetDateTime" -> "an ISO-8601 date-time";
            case "UUID" -> "a UUID";
            case "Integer", "int", "Long", "long" -> "an integer";
            case "String" -> "a string";
            case "Boolean", "boolean" -> "true or false";
            default -> type.isEnum() || !type.getName().startsWith("java") ? "an object of type " + type.getSimpleName() : "a " + type.getSimpleName();
        };
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // "create.request.name" -> "name": drop the method and parameter names of resource methods
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }

    private static Response unauthenticated(UriInfo uri) {
        Problem problem = new Problem(Problem.TYPE_BASE + "unauthenticated", "Unauthorized", 401,
                "a valid bearer token is required", path(uri), List.of());
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").entity(problem).build();
    }

    private static String safeMessage(WebApplicationException e, String fallback) {
        String message = e.getMessage();
        return message == null || message.startsWith("HTTP ") ? fallback : message;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
