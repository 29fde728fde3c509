package io.zeroscale.kubernetes.informer;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import java.util.function.Consumer;

/**
 * An informer handler that treats add and update alike (the new state is all a view needs) and
 * passes deletions on; Fabric8's handler interface has three callbacks.
 */
public final class ResourceEvents<T> implements ResourceEventHandler<T> {

  private final Consumer<T> onUpsert;
  private final Consumer<T> onDelete;

  public ResourceEvents(Consumer<T> onUpsert, Consumer<T> onDelete) {
    this.onUpsert = onUpsert;
    this.onDelete = onDelete;
  }

  @Override
  public void onAdd(T obj) {
    onUpsert.accept(obj);
  }

  @Override
  public void onUpdate(T oldObj, T newObj) {
    onUpsert.accept(newObj);
  }

  @Override
  public void onDelete(T obj, boolean deletedFinalStateUnknown) {
    onDelete.accept(obj);
  }
}
