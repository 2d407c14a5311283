<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ClusterModel</name>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>Replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="7"/>
        <source>Lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="60"/>
        <source>replica {0} (in use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="61"/>
        <source>replica {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="65"/>
        <source>alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="65"/>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="35"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="37"/>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="40"/>
        <source>{0} s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="42"/>
        <source>{0} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="47"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/cluster_model.py" line="49"/>
        <source>up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../models/cluster_model.py" line="50"/>
        <source>%n update(s) behind</source>
        <translation>
            <numerusform>%n update behind</numerusform>
            <numerusform>%n updates behind</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClusterPanel</name>
    <message>
        <location filename="../views/cluster_panel.py" line="12"/>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/cluster_panel.py" line="22"/>
        <source>As the replica in use sees the cluster: lag is how many updates a replica still lacks; a replica is down after missing a few pings.
Double-click a replica to use it (the window returns to it after a failover).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactColumns</name>
    <message>
        <location filename="../models/contact_table_model.py" line="15"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/contact_table_model.py" line="15"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/contact_table_model.py" line="15"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../models/contact_table_model.py" line="15"/>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../models/contact_table_model.py" line="44"/>
        <source>  (%n more)</source>
        <translation>
            <numerusform>  (%n more)</numerusform>
            <numerusform>  (%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dates</name>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>January</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>February</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>March</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>April</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>June</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>July</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>August</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>September</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>October</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>November</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="41"/>
        <source>December</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="197"/>
        <source>{day} {month} {year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="199"/>
        <source>{day} {month}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="201"/>
        <source>{month} {year}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="229"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="231"/>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../presentation.py" line="232"/>
        <source>in %n days</source>
        <translation>
            <numerusform>in %n days</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../presentation.py" line="244"/>
        <source>{date} — turns {years} {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../presentation.py" line="255"/>
        <source>{date} — %n year(s) {when}</source>
        <translation>
            <numerusform>{date} — %n year {when}</numerusform>
            <numerusform>{date} — %n years {when}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Phones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Emails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Websites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="132"/>
        <source>Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="146"/>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="33"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="72"/>
        <source>Last change: Lamport stamp {0} from replica {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="102"/>
        <source>preferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="119"/>
        <source>kept as typed: not a number its country code or the region makes valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="126"/>
        <source>Open in OpenStreetMap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="135"/>
        <source>Birthday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="137"/>
        <source>Anniversary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="139"/>
        <source>Organization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="139"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="139"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="139"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>Prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>Middle name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="149"/>
        <source>Suffix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="157"/>
        <source>Nicknames</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="157"/>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="160"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="164"/>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="166"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="168"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="175"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="262"/>
        <source>Select a contact to see every detail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="297"/>
        <source>Starred: listed first (click or Ctrl+D to unstar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="297"/>
        <source>Star: list first (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="300"/>
        <source>Unstar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="300"/>
        <source>Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="309"/>
        <source>Loading the photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="411"/>
        <source>Copy {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="413"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="413"/>
        <source>Write an email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="416"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="416"/>
        <source>Show on the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="420"/>
        <source>Show the group {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="427"/>
        <source>Copied {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../views/detail_pane.py" line="114"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="124"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="128"/>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="161"/>
        <source>Related</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/detail_pane.py" line="171"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Mobile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="49"/>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="49"/>
        <source>Work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="49"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="49"/>
        <source>Fax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Pager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Voice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="50"/>
        <source>Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Textphone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="51"/>
        <source>Preferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>X.400</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>Spouse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="52"/>
        <source>Child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Sibling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Friend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="53"/>
        <source>Relative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Colleague</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Homepage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Blog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Co-worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="54"/>
        <source>Assistant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../presentation.py" line="55"/>
        <source>Emergency contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../views/main_window.py" line="39"/>
        <source>A big book is shown in name order, the way the replicas keep it (starred contacts are not put first: that would need every contact). Search to narrow it down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="58"/>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="71"/>
        <source>Search every field  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="182"/>
        <source>The replica this window uses and how many are alive; click for the cluster panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="220"/>
        <source>&amp;New contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="221"/>
        <source>&amp;Edit contact…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="222"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="222"/>
        <source>Delete the selected contacts (undo with Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="224"/>
        <source>&amp;Star / unstar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="224"/>
        <source>Star the selected contacts (listed first), or unstar them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="226"/>
        <source>Add to &amp;group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="228"/>
        <source>Remove from g&amp;roup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="238"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="239"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="246"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="247"/>
        <source>&amp;Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="248"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="249"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="250"/>
        <source>&amp;Import vCard or CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="251"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="252"/>
        <source>&amp;Refresh now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="258"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="262"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="276"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="293"/>
        <source>Undo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="293"/>
        <source>Nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="293"/>
        <source>Redo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="293"/>
        <source>Nothing to redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="374"/>
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="378"/>
        <source> (first %n found)</source>
        <translation>
            <numerusform> (first %n found)</numerusform>
            <numerusform> (first %n found)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="378"/>
        <source> (%n found)</source>
        <translation>
            <numerusform> (%n found)</numerusform>
            <numerusform> (%n found)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="381"/>
        <source>, by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="475"/>
        <source>No contact matches “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="477"/>
        <source>No replica reachable yet — retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="479"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="481"/>
        <source>No contacts yet — Ctrl+N adds one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="515"/>
        <source>Click for the cluster panel.

Recent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="518"/>
        <source>saving %n change(s)…</source>
        <translation>
            <numerusform>saving %n change…</numerusform>
            <numerusform>saving %n changes…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="573"/>
        <source>The contact changed meanwhile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="574"/>
        <source>While you were saving, {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="575"/>
        <source>Save your version over theirs, edit again starting from theirs, or drop your changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="577"/>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="578"/>
        <source>Edit again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="579"/>
        <source>Keep theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="601"/>
        <source>Star {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="601"/>
        <source>Unstar {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="611"/>
        <source>Add {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="616"/>
        <source>Remove {0} from {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="631"/>
        <source>New group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="640"/>
        <source>(in no group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="647"/>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="648"/>
        <source>Add {0} to the group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="664"/>
        <source>Unstar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="664"/>
        <source>Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="665"/>
        <source>Add to group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="665"/>
        <source>Remove from group</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="680"/>
        <source>%n contacts</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="681"/>
        <source>Deleting {0} — Ctrl+Z brings it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="732"/>
        <source>Phone numbers without +country code are now read in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="732"/>
        <source>Phone numbers without +country code are now kept as typed, unchecked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="743"/>
        <source>Using the name server at {0}:{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="785"/>
        <source>Changes not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/main_window.py" line="789"/>
        <source>Quit anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/main_window.py" line="785"/>
        <source>%n change(s) still wait for a replica to answer. Quit anyway and lose them?</source>
        <translation>
            <numerusform>%n change still waits for a replica to answer. Quit anyway and lose it?</numerusform>
            <numerusform>%n changes still wait for a replica to answer. Quit anyway and lose them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../session.py" line="146"/>
        <source>Connecting to the cluster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="275"/>
        <source>Refreshing failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="279"/>
        <source>Lost contact with every replica; retrying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="283"/>
        <source>No replica reachable — retrying every second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="304"/>
        <source>Every saved change is shown again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="315"/>
        <source>Cannot use replica {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="326"/>
        <source>Now using replica {0}, as chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="328"/>
        <source>Replica {0} stopped answering — now using replica {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="331"/>
        <source>Back in touch: using replica {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="339"/>
        <source>Replica {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="341"/>
        <source> · {0} of {1} alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../session.py" line="344"/>
        <source> · %n saved change(s) not shown</source>
        <translation>
            <numerusform> · %n saved change not shown</numerusform>
            <numerusform> · %n saved changes not shown</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../session.py" line="360"/>
        <source>{0}: waiting for a replica…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="400"/>
        <source>Added {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="539"/>
        <source>Nothing changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="437"/>
        <source>Saved &apos;{0}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="566"/>
        <source>{0}: done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="298"/>
        <source>replica {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../session.py" line="301"/>
        <source>%n saved change(s) only on {0}, which is down: not shown until it is back (nothing is lost)</source>
        <translation>
            <numerusform>%n saved change only on {0}, which is down: not shown until it is back (nothing is lost)</numerusform>
            <numerusform>%n saved changes only on {0}, which is down: not shown until it is back (nothing is lost)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../session.py" line="465"/>
        <source>Delete forever {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../session.py" line="483"/>
        <source>Empty the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../session.py" line="488"/>
        <source>Trash emptied: %n contact(s) deleted forever</source>
        <translation>
            <numerusform>Trash emptied: %n contact deleted forever</numerusform>
            <numerusform>Trash emptied: %n contacts deleted forever</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../views/settings_dialog.py" line="12"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="25"/>
        <source>The Pyro5 name server tells the window where the replicas are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="26"/>
        <source>Name server host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="27"/>
        <source>Name server port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="29"/>
        <source>None: only numbers with a +country code are checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="35"/>
        <source>Default region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="37"/>
        <source>vCard 3.0 (read by every phone and program)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="38"/>
        <source>vCard 4.0 (the newest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="40"/>
        <source>Export as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="49"/>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="42"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="42"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="46"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="53"/>
        <source>Takes effect the next time the window opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="54"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/settings_dialog.py" line="76"/>
        <source>host: give a host name or an IP address, without spaces</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../views/sidebar.py" line="51"/>
        <source>Contact groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="84"/>
        <source>All contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="94"/>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="87"/>
        <source>Search by group name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="87"/>
        <source>A book this big is held in pages, so its groups are not counted here; the search matches group names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="92"/>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="97"/>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/sidebar.py" line="97"/>
        <source>Deleted contacts (Return or click opens them)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../views/trash_dialog.py" line="21"/>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="27"/>
        <source>Search the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="38"/>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="39"/>
        <source>Restore the selected contacts (Return, Alt+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="51"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="71"/>
        <source>Deleted contacts stay here (on every replica) until restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="41"/>
        <source>&amp;Delete forever…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="42"/>
        <source>Delete the selected contacts on every replica, for good (no undo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="44"/>
        <source>&amp;Empty trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="45"/>
        <source>Delete every contact in the trash on every replica, for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="94"/>
        <source>This cannot be undone: the contacts are removed from every replica.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="106"/>
        <source>Delete “{0}” forever?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/trash_dialog.py" line="106"/>
        <source>Delete %n contacts forever?</source>
        <translation>
            <numerusform>Delete %n contact forever?</numerusform>
            <numerusform>Delete %n contacts forever?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="108"/>
        <source>Delete forever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="115"/>
        <source>Empty the trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../views/trash_dialog.py" line="115"/>
        <source>Delete all %n contact(s) in the trash forever?</source>
        <translation>
            <numerusform>Delete the %n contact in the trash forever?</numerusform>
            <numerusform>Delete all %n contacts in the trash forever?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../views/trash_dialog.py" line="115"/>
        <source>Empty trash</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
