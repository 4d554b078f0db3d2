// After `mvn verify` of the project: the integration tests ran against the server and passed, and sluice:stop
// stopped it in post-integration-test.
def log = new File(basedir, 'build.log').text
assert log =~ /Sluice serving http:\/\/127\.0\.0\.1:\d+\/shop\/ from /
assert log.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('Sluice stopped')
def served = new File(basedir, 'target/sluice/webapps/shop')
assert new File(served, 'WEB-INF/classes/example/GreetingServlet.class').isFile()
assert new File(served, 'WEB-INF/web.xml').isFile()
assert !new File(served, 'WEB-INF/lib/jakarta.servlet-api-@jakarta.servlet-api.version@.jar').exists()
return true
