// After `mvn verify` of the project: the integration tests ran against the server and passed, and sluice:stop
// stopped it in post-integration-test.
def log = new File(basedir, 'build.log').text
assert log =~ /Sluice serving http:\/\/127\.0\.0\.1:\d+\/shop\/ from /
assert log.contains('Tests run: 4, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('Sluice stopped')
def served = new File(basedir, 'target/sluice/webapps/shop')
assert new File(served, 'WEB-INF/classes/example/GreetingServlet.class').isFile()
assert new File(served, 'WEB-INF/web.xml').isFile()
// compile scope is in WEB-INF/lib; provided (the servlet API) and test scope (JUnit) are not, as in the WAR
// (scripts are not filtered: the version comes from the invoker's scriptVariables)
assert new File(served, 'WEB-INF/lib').list().toList() == ["HdrHistogram-${hdrhistogramVersion}.jar".toString()]
return true
