package io.zeroscale.api.spi;

import io.zeroscale.api.function.Function;
import io.zeroscale.api.function.FunctionKey;
import io.zeroscale.api.function.FunctionStatus;
import java.util.List;
import java.util.Optional;

/**
 * Where functions are declared: a file store on the local backend, {@code Function} custom
 * resources on Kubernetes. Implementations are thread-safe.
 */
public interface FunctionCatalog {

  /** Every function, sorted by key. */
  List<Function> list();

  Optional<Function> get(FunctionKey key);

  /**
   * Creates or replaces a function's metadata and spec (status is kept). Validates first and bumps
   * {@code metadata.generation} when the spec changed.
   *
   * @return the stored function, defaults filled in
   * @throws io.zeroscale.api.function.InvalidFunctionException listing every problem
   */
  Function put(Function function);

  /** Deletes a function; returns false if there was none. */
  boolean delete(FunctionKey key);

  /** Writes a function's status (the status subresource on Kubernetes); no-op if it is gone. */
  void updateStatus(FunctionKey key, FunctionStatus status);

  /**
   * Subscribes to changes. The listener first receives every existing function as an upsert, then
   * each change as it happens. Listeners must not block.
   *
   * @return closing it unsubscribes
   */
  AutoCloseable watch(Listener listener);

  /** Receives catalog changes. */
  interface Listener {
    void onUpsert(Function function);

    void onDelete(FunctionKey key);
  }
}
