import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One node of newsgrep's local test cluster, in its own JVM so that the fault test can
 * kill -9 it. Plugins come from the classpath (there is no distribution on disk), which
 * is what Node's protected constructor allows.
 *
 * Usage: TestClusterNode NAME HOME HTTP_PORT TRANSPORT_PORT SEED_PORT[,SEED_PORT...] INITIAL_NODE[,INITIAL_NODE...]
 */
public final class TestClusterNode extends Node {

    private static final List<Class<? extends Plugin>> PLUGINS =
        List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, ReindexPlugin.class);

    private TestClusterNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(environment, plugins, true);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: TestClusterNode NAME HOME HTTP_PORT TRANSPORT_PORT SEEDS INITIAL_NODES");
            System.exit(2);
        }
        String name = args[0];
        Path home = Path.of(args[1]).toAbsolutePath();
        Path config = home.resolve("config");
        Files.createDirectories(config);
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("modules"));
        copyLogConfig(config);

        Settings settings = Settings.builder()
            .put("cluster.name", "newsgrep-test")
            .put("node.name", name)
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", args[2])
            .put("transport.port", args[3])
            .put("http.type", "netty4")
            .put("transport.type", "netty4")
            .putList("discovery.seed_hosts", seeds(args[4]))
            .putList("cluster.initial_cluster_manager_nodes", args[5].split(","))
            // The test machine's disk may be fuller than the default watermarks allow;
            // a test cluster must still allocate its shards.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> name);
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(name);
        LogConfigurator.configure(environment);
        Node node = new TestClusterNode(environment, PLUGINS);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        node.start();
        // OpenSearch's threads are daemons: without this the JVM would exit right away.
        new CountDownLatch(1).await();
    }

    private static List<String> seeds(String ports) {
        return List.of(ports.split(",")).stream().map(p -> "127.0.0.1:" + p).collect(Collectors.toList());
    }

    private static void copyLogConfig(Path config) throws Exception {
        try (var in = TestClusterNode.class.getResourceAsStream("/log4j2.properties")) {
            Files.copy(in, config.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
