<%@ tag body-content="scriptless" %><%@ attribute name="title" required="true" %>[${title}:<jsp:doBody/>]
