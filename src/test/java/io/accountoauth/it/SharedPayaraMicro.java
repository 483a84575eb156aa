package io.accountoauth.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Node;

/**
 * Payara's Arquillian container for Payara Micro, with one server for each distinct deployment of a test run
 * instead of one for each test class. Payara Micro takes its application when it boots, so the Payara container
 * starts a server for every deployment and stops it after the class; the boot is most of what a test class costs.
 * This container keeps each server running until the test run ends, and gives it to every later class that
 * deploys the same archive (the same entries with the same content), after a POST to the deployment's reset
 * path ({@link Configuration#setResetPath}) has put back what a new deployment would start with. A class whose
 * deployment differs (another configuration, another class added) gets a server of its own. Each server logs to a
 * file named after its deployment's fingerprint ({@link #logFile}).
 */
public final class SharedPayaraMicro implements DeployableContainer<SharedPayaraMicro.Configuration> {

    private static final Duration RESET_TIMEOUT = Duration.ofSeconds(30);

    /** The running servers by their deployment's fingerprint, in the order they started. */
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private Configuration configuration;

    private record Server(PayaraMicroDeployableContainer container, Archive<?> archive, ProtocolMetaData metaData) {
    }

    /** Payara's configuration for Payara Micro, plus where each server logs and what resets a deployment. */
    public static final class Configuration extends PayaraMicroContainerConfiguration {

        private String logFile;
        private String resetPath;

        public String getLogFile() {
            return logFile;
        }

        /** Where the servers log: {@code name.log} stands for {@code name-<fingerprint>.log}, one for each server. */
        public void setLogFile(String logFile) {
            this.logFile = logFile;
        }

        public String getResetPath() {
            return resetPath;
        }

        /** Relative to the deployment's base URI: a POST there must answer 2xx once the deployment is as new. */
        public void setResetPath(String resetPath) {
            this.resetPath = resetPath;
        }
    }

    /** Puts this container in the place of Payara's. */
    public static final class Extension implements LoadableExtension {

        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPayaraMicro.class);
        }
    }

    @Override
    public Class<Configuration> getConfigurationClass() {
        return Configuration.class;
    }

    @Override
    public void setup(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new PayaraMicroDeployableContainer().getDefaultProtocol();
    }

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String fingerprint = fingerprint(archive);
        Server running = servers.get(fingerprint);
        if (running != null) {
            reset(running.metaData());
            return running.metaData();
        }
        PayaraMicroDeployableContainer container = new PayaraMicroDeployableContainer();
        container.setup(serverConfiguration(fingerprint));
        try {
            container.start();
        } catch (LifecycleException e) {
            throw new DeploymentException("Payara Micro did not start", e);
        }
        ProtocolMetaData metaData = container.deploy(archive);
        servers.put(fingerprint, new Server(container, archive, metaData));
        return metaData;
    }

    /** Nothing: the server stays for the next class with the same deployment, and {@link #stop()} ends it. */
    @Override
    public void undeploy(Archive<?> archive) {
    }

    @Override
    public synchronized void stop() throws LifecycleException {
        LifecycleException failure = null;
        for (Server server : servers.values()) {
            try {
                server.container().undeploy(server.archive());
                server.container().stop();
            } catch (DeploymentException | LifecycleException e) {
                failure = failure == null ? new LifecycleException("Payara Micro did not stop", e) : failure;
            }
        }
        servers.clear();
        if (failure != null) {
            throw failure;
        }
    }

    /** The configuration of a deployment's server: the one given, with a log file of its own. */
    private PayaraMicroContainerConfiguration serverConfiguration(String fingerprint) {
        PayaraMicroContainerConfiguration server = new PayaraMicroContainerConfiguration();
        server.setMicroJar(configuration.getMicroJar());
        server.setStartupTimeoutInSeconds(configuration.getStartupTimeoutInSeconds());
        server.setClusterEnabled(configuration.isClusterEnabled());
        server.setRandomHttpPort(configuration.isRandomHttpPort());
        server.setAutoBindHttp(configuration.isAutoBindHttp());
        server.setOutputToConsole(configuration.isOutputToConsole());
        server.setCmdOptions(configuration.getCmdOptions());
        String options = configuration.getExtraMicroOptions() == null ? "" : configuration.getExtraMicroOptions();
        if (configuration.getLogFile() != null) {
            options = (options + " --logtofile " + logFile(configuration.getLogFile(), fingerprint)).strip();
        }
        server.setExtraMicroOptions(options);
        // Reads the version of the Payara Micro jar, as Arquillian does for the configuration it sets up.
        server.validate();
        return server;
    }

    /**
     * The log file of the server of the deployment with this fingerprint ({@link #fingerprint}): the configured
     * name with the fingerprint's first 12 digits before its extension. Payara Micro writes it in generations,
     * {@code .0} the newest.
     */
    static String logFile(String configured, String fingerprint) {
        String suffix = "-" + fingerprint.substring(0, 12);
        int dot = configured.lastIndexOf('.');
        return dot > configured.lastIndexOf('/') ? configured.substring(0, dot) + suffix + configured.substring(dot)
                : configured + suffix;
    }

    private void reset(ProtocolMetaData metaData) throws DeploymentException {
        if (configuration.getResetPath() == null) {
            return;
        }
        URI base = Deployments.loopback(
                metaData.getContexts(HTTPContext.class).iterator().next().getServlets().get(0).getBaseURI());
        URI reset = base.resolve(configuration.getResetPath());
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(reset)
                    .timeout(RESET_TIMEOUT).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new DeploymentException("POST " + reset + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new DeploymentException("POST " + reset + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeploymentException("POST " + reset + " was interrupted", e);
        }
    }

    /** SHA-256 over every entry's path and content, in path order. */
    static String fingerprint(Archive<?> archive) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Node node : archive.getContent().values().stream()
                    .sorted(Comparator.comparing(node -> node.getPath().get())).toList()) {
                digest.update(node.getPath().get().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                if (node.getAsset() != null) {
                    try (InputStream content = new DigestInputStream(node.getAsset().openStream(), digest)) {
                        content.transferTo(OutputStream.nullOutputStream());
                    }
                }
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + archive.getName(), e);
        }
    }
}
