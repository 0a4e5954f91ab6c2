package cn.workers.subsidy.common.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

import cn.workers.subsidy.common.http.RequestIdHandler;
/**
 * Test-only route: answers what the logging MDC holds as {@code requestId} while the request runs,
 * on the event loop and after a hop to a worker thread, which is what a log record would carry.
 */
@ApplicationScoped
public class MdcProbeRoute {

    static final String PATH = "/test/mdc-request-id";

    void register(@Observes Router router) {
        router.get(PATH).handler(ctx -> {
            Object onEventLoop = MDC.get(RequestIdHandler.MDC_KEY);
            ctx.vertx().executeBlocking(() -> MDC.get(RequestIdHandler.MDC_KEY)).onComplete(worker ->
                    ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject()
                            .put("eventLoop", String.valueOf(onEventLoop))
                            .put("worker", String.valueOf(worker.result())).encode()));
        });
    }
}
