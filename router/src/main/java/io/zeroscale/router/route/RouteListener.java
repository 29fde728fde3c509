package io.zeroscale.router.route;

/**
 * Hears when a function may have room for waiting requests: a replica turned ready, a slot freed
 * up, a replica is starting (worth probing), or the function went away. The activator implements
 * it. Called from any thread; must not block.
 */
public interface RouteListener {

  RouteListener NONE =
      new RouteListener() {
        @Override
        public void onCapacity(FunctionRoute route) {}

        @Override
        public void onRemoved(FunctionRoute route) {}
      };

  void onCapacity(FunctionRoute route);

  void onRemoved(FunctionRoute route);

  /** The function has replicas that are starting; {@link FunctionRoute#starting()} lists them. */
  default void onStarting(FunctionRoute route) {}
}
