// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';

// @grafana/scenes observes visibility; jsdom has no IntersectionObserver.
class IntersectionObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return [];
  }
}
Object.assign(global, { IntersectionObserver: IntersectionObserverStub });
