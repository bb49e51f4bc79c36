// The worker's own bundle (worker.mjs): the module serves requests when it is a worker's script.
import 'precis/worker';
