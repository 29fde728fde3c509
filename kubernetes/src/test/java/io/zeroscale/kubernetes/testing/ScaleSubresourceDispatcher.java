package io.zeroscale.kubernetes.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fabric8's CRUD dispatcher plus the {@code deployments/scale} subresource, which it lacks (it
 * treats {@code …/scale} as the Deployment itself and stores the Scale body in its place). As on a
 * real API server: {@code GET …/scale} answers a {@code Scale} made from the Deployment; {@code PUT
 * …/scale} sets the Deployment's {@code spec.replicas} and nothing else, unconditionally unless the
 * Scale names a resource version, which must then match (409 otherwise).
 */
final class ScaleSubresourceDispatcher extends KubernetesCrudDispatcher {

  private static final Pattern SCALE =
      Pattern.compile("(/apis/apps/v1/namespaces/[^/]+/deployments/[^/?]+)/scale(\\?.*)?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Set<String> cutOff = ConcurrentHashMap.newKeySet();

  ScaleSubresourceDispatcher() {
    super(List.of());
  }

  /** From now on, requests with this {@code User-Agent} get {@code 503}, as if cut off. */
  void cutOff(String userAgent) {
    cutOff.add(userAgent);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (cutOff.contains(request.getHeader("User-Agent"))) {
      return new MockResponse().setResponseCode(503);
    }
    return super.dispatch(request);
  }

  @Override
  public MockResponse handleGet(String path) {
    Matcher m = SCALE.matcher(path);
    if (!m.matches()) {
      return super.handleGet(path);
    }
    MockResponse deployment = super.handleGet(m.group(1));
    if (deployment.code() != 200) {
      return deployment;
    }
    return new MockResponse().setResponseCode(200).setBody(scaleOf(read(deployment)).toString());
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    Matcher m = SCALE.matcher(request.getPath());
    if (!m.matches()) {
      return super.handleUpdate(request);
    }
    MockResponse current = super.handleGet(m.group(1));
    if (current.code() != 200) {
      return current;
    }
    ObjectNode deployment = read(current);
    JsonNode scale = readBody(request.getUtf8Body());
    String wantedVersion = scale.path("metadata").path("resourceVersion").asText("");
    String version = deployment.path("metadata").path("resourceVersion").asText();
    if (!wantedVersion.isEmpty() && !wantedVersion.equals(version)) {
      return new MockResponse()
          .setResponseCode(409)
          .setBody(
              "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Conflict\",\"code\":409}");
    }
    ((ObjectNode) deployment.path("spec"))
        .put("replicas", scale.path("spec").path("replicas").asInt());
    MockResponse updated =
        super.handleUpdate(
            new RecordedRequest(
                "HTTP/1.1",
                HttpMethod.PUT,
                m.group(1),
                Headers.builder().add("Content-Type", "application/json").build(),
                new Buffer().writeUtf8(deployment.toString())));
    if (updated.code() != 200) {
      return updated;
    }
    return new MockResponse().setResponseCode(200).setBody(scaleOf(read(updated)).toString());
  }

  private static ObjectNode scaleOf(JsonNode deployment) {
    ObjectNode scale = JSON.createObjectNode();
    scale.put("apiVersion", "autoscaling/v1").put("kind", "Scale");
    ObjectNode meta = scale.putObject("metadata");
    meta.set("name", deployment.path("metadata").path("name"));
    meta.set("namespace", deployment.path("metadata").path("namespace"));
    meta.set("resourceVersion", deployment.path("metadata").path("resourceVersion"));
    meta.set("uid", deployment.path("metadata").path("uid"));
    scale.putObject("spec").put("replicas", deployment.path("spec").path("replicas").asInt(1));
    scale.putObject("status").put("replicas", deployment.path("status").path("replicas").asInt(0));
    return scale;
  }

  private static ObjectNode read(MockResponse response) {
    return (ObjectNode) readBody(response.getBody().readUtf8());
  }

  private static JsonNode readBody(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
