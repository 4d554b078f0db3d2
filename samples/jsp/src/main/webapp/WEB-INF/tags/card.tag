<%@ tag description="A card of the landing-page style around its body" body-content="scriptless" trimDirectiveWhitespaces="true" %>
<%@ attribute name="title" required="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<li class="card">
  <h2><c:out value="${title}"/></h2>
  <jsp:doBody/>
</li>
