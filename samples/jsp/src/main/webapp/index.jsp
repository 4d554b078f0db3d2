<%@ page contentType="text/html;charset=UTF-8" trimDirectiveWhitespaces="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="s" uri="urn:sluice:samples" %>
<%@ taglib prefix="t" tagdir="/WEB-INF/tags" %>
<c:set var="rows" value="${empty param.rows ? 5 : param.rows}"/>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>JSP - Sluice</title>
  <link rel="stylesheet" href="/jsp/sluice.css">
  <link rel="icon" href="data:,">
</head>
<body>
  <header class="site">
    <a class="brand" href="/">Sluice</a>
    <span class="where">JSP sample: Jakarta Pages through Apache Jasper</span>
  </header>
  <main>
    <h1>Hello, <c:out value="${empty param.name ? 'visitor' : param.name}"/>.</h1>
    <form method="get" action="">
      <label>Your name <input name="name" value="<c:out value='${param.name}'/>"></label>
      <label>Rows <input name="rows" type="number" min="1" max="20" value="<c:out value='${rows}'/>"></label>
      <button>Render again</button>
    </form>
    <ul class="cards">
      <t:card title="Expression Language">
        <p>6 &times; 7 = ${6 * 7}; your browser sent ${header['Accept'] == null ? 'no' : 'an'} Accept header;
          this page was compiled into the webapp's work folder on its first request.</p>
      </t:card>
      <t:card title="JSTL c:forEach and a custom tag">
        <table id="squares">
          <c:forEach var="i" begin="1" end="${rows}">
            <tr><td>${i}&sup2;</td><td><s:bar value="${i * i}" max="${rows * rows}"/></td></tr>
          </c:forEach>
        </table>
      </t:card>
      <t:card title="An error page">
        <p><a href="divide.jsp?by=0">Divide by zero</a>: the page names an <code>errorPage</code>, which shows the
          exception. <a href="divide.jsp?by=4">Divide by four</a> works.</p>
      </t:card>
    </ul>
  </main>
</body>
</html>
