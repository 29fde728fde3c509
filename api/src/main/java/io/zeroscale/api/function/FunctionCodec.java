package io.zeroscale.api.function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and writes functions as YAML or JSON (YAML is a superset, so one reader does both). A typo
 * in a field name is an error that names the field and lists the known ones, not a silently ignored
 * setting.
 */
public final class FunctionCodec {

  private static final ObjectMapper YAML =
      new ObjectMapper(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private FunctionCodec() {}

  /**
   * Parses a function from YAML or JSON text.
   *
   * @throws InvalidFunctionException naming the field that could not be read
   */
  public static Function read(String text) {
    try {
      return YAML.readValue(text, Function.class);
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds().stream()
              .map(Object::toString)
              .sorted()
              .collect(Collectors.joining(", "));
      throw new InvalidFunctionException(
          List.of(new FieldError(path(e), "unknown field; known fields here: " + known)));
    } catch (JsonMappingException e) {
      throw new InvalidFunctionException(
          List.of(new FieldError(path(e), "has the wrong type: " + e.getOriginalMessage())));
    } catch (JsonProcessingException e) {
      throw new InvalidFunctionException(
          List.of(
              new FieldError(
                  "(document)", "is not valid YAML or JSON: " + e.getOriginalMessage())));
    }
  }

  public static String toYaml(Function function) {
    try {
      return YAML.writeValueAsString(function);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write function " + function.key(), e);
    }
  }

  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value, e);
    }
  }

  /** The mapper used for JSON, for callers that read other API types. */
  public static ObjectMapper json() {
    return JSON;
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "(root)" : sb.toString();
  }
}
